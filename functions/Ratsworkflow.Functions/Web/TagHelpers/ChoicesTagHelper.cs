using System.Collections;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// A question with several answers as a fieldset with legend, hint and error: radios for a single value, checkboxes
/// for a list (<c>List&lt;string&gt;</c>, arrays), e.g.
/// <c>&lt;rw-choices for="Input.Choice" items="Model.Choices" legend="Wie stimmen Sie ab?" /&gt;</c>.
/// The first box's id is the field's id, so the error summary's link lands on it.
/// </summary>
[HtmlTargetElement("rw-choices", Attributes = "for,items", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChoicesTagHelper(IHtmlGenerator generator) : TagHelper
{
    public ModelExpression For { get; set; } = null!;

    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>The question; defaults to the property's [Display(Name)].</summary>
    public string? Legend { get; set; }

    public string? Hint { get; set; }

    /// <summary>Side by side instead of one per line, for two or three short answers (Ja / Nein).</summary>
    public bool Inline { get; set; }

    /// <summary>Make the legend the page's heading (a page that asks one question only).</summary>
    public bool LegendIsHeading { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = FieldParts.FullName(ViewContext, For);
        var id = FieldParts.Id(fullName, generator);
        var error = FieldParts.FirstError(ViewContext, fullName);
        var hint = FieldParts.Hint(id, Hint ?? For.Metadata.Description);
        var multiple = IsList(For.Metadata.ModelType);
        var chosen = Chosen(fullName);

        var fieldset = new TagBuilder("fieldset");
        fieldset.AddCssClass("fieldset");
        if (FieldParts.DescribedBy(id, hint is not null, error is not null) is { } describedBy)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }
        fieldset.InnerHtml.AppendHtml(LegendTag())
            .AppendHtml(hint ?? (IHtmlContent)HtmlString.Empty)
            .AppendHtml(FieldParts.Error(id, error) ?? (IHtmlContent)HtmlString.Empty);

        var list = new TagBuilder("div");
        list.AddCssClass(Inline ? "choices choices--inline" : "choices");
        var index = 0;
        foreach (var item in Items)
        {
            var itemId = index++ == 0 ? id : $"{id}-{index}";
            var isChosen = chosen is null ? item.Selected : chosen.Contains(item.Value ?? item.Text);
            list.InnerHtml.AppendHtml(Choice(itemId, fullName, item, multiple, isChosen, error is not null));
        }
        fieldset.InnerHtml.AppendHtml(list);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field--error");
        output.Content.SetHtmlContent(fieldset);
    }

    private TagBuilder LegendTag()
    {
        var legend = new TagBuilder("legend");
        legend.AddCssClass(LegendIsHeading ? "fieldset__legend fieldset__legend--heading" : "fieldset__legend");
        var text = FieldParts.Label(For, Legend);
        if (LegendIsHeading)
        {
            var heading = new TagBuilder("h1");
            heading.InnerHtml.Append(text);
            legend.InnerHtml.AppendHtml(heading);
        }
        else
        {
            legend.InnerHtml.Append(text);
        }
        return legend;
    }

    private static TagBuilder Choice(string id, string name, SelectListItem item, bool multiple, bool chosen, bool invalid)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.AddCssClass("choice__input");
        input.Attributes["type"] = multiple ? "checkbox" : "radio";
        input.Attributes["id"] = id;
        input.Attributes["name"] = name;
        input.Attributes["value"] = item.Value ?? item.Text;
        if (chosen)
        {
            input.Attributes["checked"] = "checked";
        }
        if (item.Disabled)
        {
            input.Attributes["disabled"] = "disabled";
        }
        if (invalid)
        {
            input.Attributes["aria-invalid"] = "true";
        }
        var label = new TagBuilder("label") { Attributes = { ["for"] = id } };
        label.AddCssClass("choice__label");
        label.InnerHtml.Append(item.Text);

        var row = new TagBuilder("div");
        row.AddCssClass("choice");
        row.InnerHtml.AppendHtml(input).AppendHtml(label);
        return row;
    }

    /// <summary>What the person chose: the posted values after a failed submit, else the model's; null if neither.</summary>
    private HashSet<string>? Chosen(string fullName)
    {
        var posted = ViewContext.ViewData.ModelState.TryGetValue(fullName, out var entry) ? entry.RawValue : null;
        return (posted ?? For.Model) switch
        {
            null => null,
            string single => [single],
            IEnumerable values => values.Cast<object?>().Select(v => v?.ToString() ?? "").ToHashSet(),
            var other => [other.ToString() ?? ""],
        };
    }

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
