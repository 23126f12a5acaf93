using System.Text.Json.Nodes;

namespace Ratsworkflow.Deployment.Tests;

/// <summary>
/// A compiled ARM template (bicep build output) with its module deployments flattened, so tests can ask for
/// "every resource of type X" wherever Bicep put it.
/// </summary>
public sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root, string text)
    {
        Root = root;
        Text = text;
        Resources = CollectResources(root).ToList();
    }

    public JsonObject Root { get; }

    /// <summary>The template as text, for checks that must hold everywhere (for example: no account keys).</summary>
    public string Text { get; }

    /// <summary>Every resource of the template and of all nested module templates.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("Empty template."), json);

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject One(string type)
    {
        var matches = OfType(type).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException($"Expected one resource of type {type}, found {matches.Count}.");
    }

    /// <summary>Every JSON object anywhere in the template that has a property with this name.</summary>
    public IEnumerable<JsonObject> ObjectsWithProperty(string propertyName) =>
        Descendants(Root).OfType<JsonObject>().Where(o => o.ContainsKey(propertyName));

    private static IEnumerable<JsonObject> CollectResources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(), // languageVersion 2.0
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in CollectResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
