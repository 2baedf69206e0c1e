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
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
                AllowDuplicateProperties = false,
            });
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
        catch (FormatException e)
        {
            return (null, [new Problem("", $"not a pipeline: {e.Message}")]);
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
        CheckShape(node, typeof(PipelineDefinition), "", unknown);

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

    /// <summary>
    /// Walks the tree against the definition's types: reports unknown fields, reports nulls where
    /// a value is required, and drops nulls given for optional lists (read as empty) so the
    /// deserializer and validator see a clean tree.
    /// </summary>
    private static void CheckShape(JsonNode? node, Type type, string path, List<Problem> problems)
    {
        var elementType = ElementType(type);
        if (node is JsonArray array && elementType is not null)
        {
            for (var i = array.Count - 1; i >= 0; i--)
            {
                if (array[i] is null)
                {
                    problems.Add(new Problem($"{path}[{i}]", "is required (null given)"));
                    array.RemoveAt(i);
                }
            }

            for (var i = 0; i < array.Count; i++)
            {
                CheckShape(array[i], elementType, $"{path}[{i}]", problems);
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
        foreach (var (name, child) in obj.ToList())
        {
            var childPath = path.Length == 0 ? name : $"{path}.{name}";
            if (!properties.TryGetValue(name, out var property))
            {
                problems.Add(new Problem(childPath, $"unknown field; expected one of {string.Join(", ", properties.Keys.Select(CamelCase))}"));
                continue;
            }

            if (child is null)
            {
                if (ElementType(property.PropertyType) is null && Nullability.Create(property).WriteState == NullabilityState.NotNull)
                {
                    problems.Add(new Problem(childPath, "is required (null given)"));
                }

                obj.Remove(name); // an optional value or list given as null reads as missing (an empty list)
                continue;
            }

            CheckShape(child, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, childPath, problems);
        }
    }

    private static readonly NullabilityInfoContext Nullability = new();

    private static Type? ElementType(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType
            ? type.GetGenericArguments()[0]
            : null;

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string TrimPath(string? path) => path is null ? "" : path.TrimStart('$').TrimStart('.');

    private static string FirstLine(string message) => message.Split('\n')[0].Split(" Path:")[0];
}
