using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesCoach.Common;

namespace SalesCoach.Pipelines;

/// <summary>
/// Reads a pipeline from JSON or YAML. YAML is first turned into the same JSON tree, so both
/// formats share one set of rules and one set of error paths. Unknown fields are reported (a
/// typo such as <c>gaol</c> would otherwise silently drop a goal), then the validator runs.
/// </summary>
public static class PipelineReader
{
    public static (PipelineDefinition? Pipeline, IReadOnlyList<Problem> Problems) ReadJson(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, [new Problem("", $"not valid JSON: {e.Message}")]);
        }

        return Read(node);
    }

    public static (PipelineDefinition? Pipeline, IReadOnlyList<Problem> Problems) ReadYaml(string yaml)
    {
        JsonNode? node;
        try
        {
            node = YamlToJson.Convert(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return (null, [new Problem("", $"not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message}")]);
        }

        return Read(node);
    }

    /// <summary>Reads a definition from an already parsed JSON tree.</summary>
    public static (PipelineDefinition? Pipeline, IReadOnlyList<Problem> Problems) Read(JsonNode? node)
    {
        if (node is not JsonObject)
        {
            return (null, [new Problem("", "a pipeline must be an object")]);
        }

        var unknown = new List<Problem>();
        FindUnknownFields(node, typeof(PipelineDefinition), "", unknown);

        PipelineDefinition? pipeline;
        try
        {
            pipeline = node.Deserialize<PipelineDefinition>(SalesCoachJson.Options);
        }
        catch (JsonException e)
        {
            return (null, [.. unknown, new Problem(TrimPath(e.Path), $"has the wrong type: {FirstLine(e.Message)}")]);
        }

        if (pipeline is null)
        {
            return (null, [new Problem("", "a pipeline must be an object")]);
        }

        IReadOnlyList<Problem> problems = [.. unknown, .. PipelineValidator.Validate(pipeline)];
        return (problems.Count == 0 ? pipeline : null, problems);
    }

    private static void FindUnknownFields(JsonNode? node, Type type, string path, List<Problem> problems)
    {
        var elementType = ElementType(type);
        if (node is JsonArray array && elementType is not null)
        {
            for (var i = 0; i < array.Count; i++)
            {
                FindUnknownFields(array[i], elementType, $"{path}[{i}]", problems);
            }

            return;
        }

        if (node is not JsonObject obj || !type.IsClass || type == typeof(string))
        {
            return;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, child) in obj)
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (!properties.TryGetValue(name, out var property))
            {
                problems.Add(new Problem(childPath, $"unknown field; expected one of {string.Join(", ", properties.Keys.Select(CamelCase))}"));
                continue;
            }

            FindUnknownFields(child, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, childPath, problems);
        }
    }

    private static Type? ElementType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string TrimPath(string? path) => path is null ? "" : path.TrimStart('$').TrimStart('.');

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];
}
