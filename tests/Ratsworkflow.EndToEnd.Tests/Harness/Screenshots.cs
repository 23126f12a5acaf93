using Microsoft.Playwright;
using Ratsworkflow.Testing;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>
/// Full-page screenshots to docs/screenshots/&lt;name&gt;.png for the README, taken only with RW_SCREENSHOTS=1 so an
/// ordinary test run (and CI) never rewrites tracked files.
/// </summary>
public static class Screenshots
{
    public static bool Enabled => Environment.GetEnvironmentVariable("RW_SCREENSHOTS") == "1";

    /// <param name="fullPage">False for a long list: the first screen shows what matters.</param>
    public static async Task SaveScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        if (!Enabled)
        {
            return;
        }
        var path = Path.Combine(RepositoryPaths.Root, "docs", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
    }
}
