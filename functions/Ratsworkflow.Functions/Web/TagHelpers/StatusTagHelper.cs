using Microsoft.AspNetCore.Razor.TagHelpers;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// A status badge. For a motion's stage: <c>&lt;rw-status stage="@Model.Stage" /&gt;</c> (German label and tone
/// from <see cref="MotionStages"/>); for anything else: <c>&lt;rw-status tone="Warning"&gt;überfällig&lt;/rw-status&gt;</c>.
/// </summary>
[HtmlTargetElement("rw-status")]
public sealed class StatusTagHelper : TagHelper
{
    public string? Stage { get; set; }

    public StatusTone? Tone { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var display = Stage is null ? null : StageDisplay.For(Stage);
        var tone = Tone ?? display?.Tone ?? StatusTone.Neutral;
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "status status--" + tone.ToString().ToLowerInvariant());
        if (display is not null)
        {
            output.Content.SetContent(display.Label);
        }
        else
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }
    }
}
