namespace Ratsworkflow.Functions.Web;

/// <summary>
/// Why a link from an email does not (or no longer) work, said plainly, with what the reader can do next. Pages that
/// take a token show it with <c>&lt;partial name="_LinkProblem" model="…" /&gt;</c> and answer with <see cref="Status"/>.
/// </summary>
/// <param name="NextStep">A sentence on what to do now; <paramref name="Link"/> and <paramref name="LinkText"/> optionally lead there.</param>
public sealed record LinkProblem(int Status, string Title, string Text, string? NextStep = null, string? Link = null, string? LinkText = null)
{
    public static LinkProblem Invalid(string what, string? nextStep = null, string? link = null, string? linkText = null) => new(
        StatusCodes.Status404NotFound,
        $"Dieser {what} ist ungültig",
        "Vielleicht wurde der Link beim Kopieren gekürzt: Manche E-Mail-Programme trennen lange Links. " +
        "Öffnen Sie dann den ganzen Link aus der E-Mail noch einmal.",
        nextStep, link, linkText);
}
