using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// The step line Eingang → Beirat → Ausschüsse → Rat → Beschluss for a motion:
/// <c>&lt;rw-steps stage="@Model.Stage" beirat="@Model.BeiratReview" /&gt;</c>. The current step carries
/// <c>aria-current="step"</c>; every step says in words whether it is done, current, open or skipped, so the line
/// does not depend on colour or icons.
/// </summary>
[HtmlTargetElement("rw-steps", Attributes = "stage", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StepsTagHelper : TagHelper
{
    /// <summary>The motion's stage as the API names it (Registered, BeiratReview, …, Decided).</summary>
    public string? Stage { get; set; }

    /// <summary>False when the motion goes to no Beirat: that step shows as "entfällt".</summary>
    public bool Beirat { get; set; } = true;

    public string Label { get; set; } = "Stand des Verfahrens";

    /// <summary>For a withdrawn motion: the step it had reached. Earlier steps are done, later ones no longer come.</summary>
    public ProcessStep? WithdrawnAt { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = StageDisplay.For(Stage).Step;
        var withdrawnAt = Stage == "Withdrawn" ? WithdrawnAt ?? ProcessStep.Receipt : (ProcessStep?)null;
        output.TagName = "ol";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "steps");
        output.Attributes.SetAttribute("aria-label", Label);
        var number = 0;
        foreach (var step in Enum.GetValues<ProcessStep>())
        {
            number++;
            var state = step == ProcessStep.Beirat && !Beirat ? "skipped"
                : withdrawnAt is { } at ? (step < at ? "done" : step == at ? "withdrawn" : "skipped")
                : current is null ? "open"
                : step < current ? "done"
                : step == current ? (step == ProcessStep.Decision ? "done current" : "current")
                : "open";
            output.Content.AppendHtml(Item(step, number, state));
        }
    }

    private static TagBuilder Item(ProcessStep step, int number, string state)
    {
        var item = new TagBuilder("li");
        item.AddCssClass("steps__item");
        foreach (var part in state.Split(' '))
        {
            item.AddCssClass("steps__item--" + part);
        }
        if (state.Contains("current", StringComparison.Ordinal))
        {
            item.Attributes["aria-current"] = "step";
        }
        var marker = state.StartsWith("done", StringComparison.Ordinal) ? "✓" : state == "skipped" ? "–" : number.ToString();
        item.InnerHtml.AppendHtml($"<span class=\"steps__marker\" aria-hidden=\"true\">{marker}</span>");
        var label = new TagBuilder("span");
        label.AddCssClass("steps__label");
        label.InnerHtml.Append(MotionStages.Label(step));
        item.InnerHtml.AppendHtml(label);
        item.InnerHtml.AppendHtml($"<span class=\"steps__state\">{StateText(state)}</span>");
        return item;
    }

    private static string StateText(string state) => state switch
    {
        "done" => "erledigt",
        "done current" => "abgeschlossen",
        "current" => "aktuell",
        "skipped" => "entfällt",
        "withdrawn" => "zurückgezogen",
        _ => "offen",
    };
}
