using System.Text.Json.Nodes;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>Organizations files for <c>Organizations__SeedFile</c>: the shipped sample with a bigger Beirat.</summary>
public static class SeedFiles
{
    /// <summary>Writes the sample with the Integrationsrat's members replaced by <paramref name="votingMembers"/> voting ones.</summary>
    public static string WithBeiratOf(int votingMembers)
    {
        var sample = Path.Combine(RepositoryPaths.Root, "functions", "Ratsworkflow.Functions", "Organizations", "SampleOrganizations.json");
        var root = JsonNode.Parse(File.ReadAllText(sample))!;
        var beirat = root["organizations"]!.AsArray().First(o => (string?)o!["id"] == "integrationsrat")!;
        var members = new JsonArray();
        for (var i = 1; i <= votingMembers; i++)
        {
            members.Add(new JsonObject
            {
                ["id"] = $"mitglied-{i:D2}",
                ["name"] = $"Mitglied {i:D2}",
                ["email"] = $"mitglied-{i:D2}@example.org",
                ["isVoting"] = true,
                ["role"] = null,
            });
        }
        beirat["members"] = members;
        var path = Path.Combine(Path.GetTempPath(), $"rw-organizations-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
