namespace Ratsworkflow.Functions.Web;

/// <summary>
/// What the pages say about the municipality that runs the service (section <c>Web</c>). The defaults are
/// placeholders; a municipality sets its own names and addresses before going live.
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Shown in the header, the page titles and the legal pages, e.g. "Stadt Göttingen".</summary>
    public string Municipality { get; set; } = "Stadt Musterstadt";

    public string PostalAddress { get; set; } = "Rathausplatz 1, 12345 Musterstadt";

    /// <summary>Where people get help (Ratsbüro); shown on the start, error and legal pages.</summary>
    public string ContactEmail { get; set; } = "ratsbuero@example.org";

    public string PrivacyEmail { get; set; } = "datenschutz@example.org";

    /// <summary>
    /// Serves <c>/muster</c>, a page that shows every shared building block in its normal and error states. Off in
    /// production, on in Development; the browser tests switch it on to check the blocks (axe, keyboard, no
    /// JavaScript) in one place.
    /// </summary>
    public bool PatternLibrary { get; set; }
}
