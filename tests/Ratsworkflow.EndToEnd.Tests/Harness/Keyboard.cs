using Microsoft.Playwright;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>Moves through a page with the keyboard only, as a person without a mouse would.</summary>
public static class Keyboard
{
    /// <summary>What has the focus: tag, id and text, e.g. <c>a#… "Zum Inhalt springen"</c>; "body" when nothing has.</summary>
    public static Task<string> FocusedAsync(this IPage page) =>
        page.EvaluateAsync<string>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return 'body';
              const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (text ? ' "' + text + '"' : '');
            }
            """);

    /// <summary>Whether the focused element matches a CSS selector (or lies inside one, with <paramref name="within"/>).</summary>
    public static Task<bool> FocusIsAsync(this IPage page, string selector, bool within = false) =>
        page.EvaluateAsync<bool>(FocusMatches, new object[] { selector, within });

    /// <summary>
    /// Whether the focus reaches the selector within a few seconds: autofocus and a followed in-page link move it in
    /// a task after the load, which a loaded machine runs later than the test's next line.
    /// </summary>
    public static async Task<bool> FocusSettlesAsync(this IPage page, string selector, bool within = false)
    {
        try
        {
            await page.WaitForFunctionAsync(FocusMatches, new object[] { selector, within }, new() { Timeout = 5000, PollingInterval = 50 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private const string FocusMatches =
        "([s, within]) => { const e = document.activeElement; return !!e && (within ? !!e.closest(s) : e.matches(s)); }";

    /// <summary>
    /// Whether the focused element shows a focus indicator: an outline of at least 2px or a box shadow (WCAG 2.4.7).
    /// Returns a description of its focus style when it does not, for the assertion message.
    /// </summary>
    public static Task<string?> MissingFocusIndicatorAsync(this IPage page) =>
        page.EvaluateAsync<string?>("""
            () => {
              const s = getComputedStyle(document.activeElement);
              const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
              return outline || s.boxShadow !== 'none' ? null : `outline: ${s.outlineStyle} ${s.outlineWidth}; box-shadow: ${s.boxShadow}`;
            }
            """);

    /// <summary>
    /// Presses Tab until the focus is on an element matching <paramref name="selector"/>; returns the elements it
    /// passed on the way (the focus order). Fails with that order if the element is not reached.
    /// </summary>
    public static async Task<IReadOnlyList<string>> TabToAsync(this IPage page, string selector, int maxPresses = 40)
    {
        var passed = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.FocusIsAsync(selector))
            {
                return passed;
            }
            passed.Add(await page.FocusedAsync());
        }
        throw new InvalidOperationException(
            $"Tab did not reach '{selector}' in {maxPresses} presses. Focus order:\n" + string.Join("\n", passed));
    }
}
