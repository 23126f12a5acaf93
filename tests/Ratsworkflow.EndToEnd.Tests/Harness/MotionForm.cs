using Microsoft.Playwright;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>Fills the faction's form <c>/antrag/neu</c> as a person would, field by field through the labels.</summary>
public static class MotionForm
{
    public static async Task FillMotionFormAsync(this IPage page, string title, string resolution, string justification, bool beirat,
        string faction = "gruene", string name = "Jonas Weber", string email = "jonas.weber@example.org")
    {
        await page.GetByLabel("Fraktion oder Gruppe").SelectOptionAsync(faction);
        await page.GetByLabel("Ihr Name").FillAsync(name);
        await page.GetByLabel("Ihre E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Titel des Antrags").FillAsync(title);
        await page.GetByLabel("Beschlussvorschlag").FillAsync(resolution);
        await page.GetByLabel("Begründung").FillAsync(justification);
        await page.GetByLabel(beirat ? "Ja" : "Nein").CheckAsync();
    }
}
