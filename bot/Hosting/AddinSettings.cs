namespace SalesCoach.Bot.Hosting;

/// <summary>The Outlook add-in's files and sign-in (section <c>Addin</c>).</summary>
public sealed class AddinSettings
{
    public const string Section = "Addin";

    /// <summary>
    /// The built task pane (<c>addin/dist</c>, copied beside the host's assembly as <c>addin/</c> by the build).
    /// Relative paths are relative to the content root; empty means <c>&lt;assembly folder&gt;/addin</c>.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Production: the Entra app registration (client id) the pane signs in with through nested app
    /// authentication; the same id is in the manifests' <c>webApplicationInfo</c>. Tokens whose audience is
    /// this id (v2 tokens) are accepted beside <c>Auth:Audience</c> (the app id URI, v1 tokens).
    /// Empty means the GUID at the end of <c>Auth:Audience</c> (<c>api://host/&lt;client id&gt;</c>).
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>Production: the scopes the pane asks for; empty means <c>&lt;app id URI&gt;/access_as_user</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The folder the built pane is served from.</summary>
    public string ResolvePath(string contentRoot) =>
        string.IsNullOrWhiteSpace(Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "addin")
            : System.IO.Path.GetFullPath(Path, contentRoot);
}
