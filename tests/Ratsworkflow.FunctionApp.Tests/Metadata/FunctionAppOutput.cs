using System.Reflection;
using System.Text.Json.Nodes;

namespace Ratsworkflow.FunctionApp.Tests.Metadata;

/// <summary>The FunctionApp's build output (path stamped at build time), where the Worker SDK writes what the host reads.</summary>
public static class FunctionAppOutput
{
    public static string Directory { get; } = Path.GetFullPath(typeof(FunctionAppOutput).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionAppOutput").Value!.Replace('\\', '/'));

    public static JsonNode Read(string file)
    {
        var path = Path.Combine(Directory, file);
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK did not generate it.");
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    /// <summary>functions.metadata: every function the host indexes, with its bindings.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Functions() =>
        Read("functions.metadata").AsArray().Select(f => f!.AsObject()).ToDictionary(f => (string)f["name"]!);

    public static JsonObject Binding(JsonObject function, string type) =>
        Assert.Single(function["bindings"]!.AsArray(), b => (string?)b!["type"] == type)!.AsObject();
}
