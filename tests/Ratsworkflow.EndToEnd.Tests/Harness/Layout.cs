using Microsoft.Playwright;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>Checks on how a page is laid out, independent of what it says.</summary>
public static class Layout
{
    /// <summary>Nothing wider than the screen (WCAG 1.4.10 reflow): a phone user never scrolls sideways to read.</summary>
    public static async Task AssertNoSidewaysScrollingAsync(this IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]}px wide on a {widths[1]}px screen.");
    }
}
