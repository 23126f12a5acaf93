using Microsoft.Playwright;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>Checks on how a page is laid out, independent of what it says.</summary>
public static class Layout
{
    /// <summary>Nothing wider than the screen (WCAG 1.4.10 reflow): a phone user never scrolls sideways to read.</summary>
    public static async Task AssertNoSidewaysScrollingAsync(this IPage page)
    {
        var tooWide = await page.TooWideAsync();
        Assert.True(tooWide is null, $"{page.Url} is wider than the screen: {tooWide}");
    }

    /// <summary>
    /// Null when the page fits the screen; else its width and its first elements that reach past the screen's edge.
    /// Measured against the viewport as set, not window.innerWidth: a mobile browser widens its layout viewport to fit
    /// wide content, and then the page seems exactly as wide as the "screen".
    /// </summary>
    public static Task<string?> TooWideAsync(this IPage page) =>
        page.EvaluateAsync<string?>(@"width => {
            if (document.documentElement.scrollWidth <= width) return null;
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 0.5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().width) + 'px')
                .slice(0, 5);
            return document.documentElement.scrollWidth + 'px: ' + wide.join(', ');
        }", page.ViewportSize!.Width);
}
