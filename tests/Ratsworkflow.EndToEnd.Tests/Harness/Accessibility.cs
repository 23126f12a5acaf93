using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>axe-core on the page as it is now. Needs JavaScript in the tab (axe runs inside the page).</summary>
public static class Accessibility
{
    /// <summary>
    /// Fails on serious or critical violations (WCAG 2.1 AA and axe's best practices); moderate and minor ones are
    /// listed in the message when it fails, as hints, but do not fail it on their own.
    /// </summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0,
            $"axe found {blocking.Count} serious/critical violation(s) on {page.Url}:\n" + Describe(result.Violations));
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"- [{v.Impact}] {v.Id}: {v.Help}\n" +
        string.Join("\n", v.Nodes.Take(5).Select(n => $"    {n.Target}: {n.Html}"))));
}
