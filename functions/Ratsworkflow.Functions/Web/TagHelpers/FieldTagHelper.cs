using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// One form field with label, hint and error message (GOV.UK pattern):
/// <c>&lt;rw-field for="Input.Title" hint="…" /&gt;</c>. The control's <c>aria-describedby</c> names the hint and
/// the error, and <c>aria-invalid</c> is set while it has an error. Any other attribute (autocomplete, accept,
/// inputmode, spellcheck, class, …) goes onto the control itself.
/// </summary>
[HtmlTargetElement("rw-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator) : TagHelper
{
    /// <summary>The property, e.g. <c>Input.Title</c>. Label and hint default to its [Display(Name, Description)].</summary>
    public ModelExpression For { get; set; } = null!;

    public string? Label { get; set; }

    public string? Hint { get; set; }

    /// <summary>
    /// text, email, tel, number, date, password, file, textarea, select or checkbox. Default: checkbox for a bool,
    /// select when <see cref="Items"/> is set, else what the property's type suggests (as asp-for does).
    /// </summary>
    public string? Type { get; set; }

    /// <summary>Lines of a textarea.</summary>
    public int Rows { get; set; } = 8;

    /// <summary>The options of a select.</summary>
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>False where every field is optional (filters): the label then goes without "(optional)".</summary>
    public bool MarkOptional { get; set; } = true;

    /// <summary>The first, empty option of a select; null for none.</summary>
    public string? EmptyOption { get; set; } = "Bitte auswählen";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = FieldParts.FullName(ViewContext, For);
        var id = FieldParts.Id(fullName, generator);
        var error = FieldParts.FirstError(ViewContext, fullName);
        var hint = FieldParts.Hint(id, Hint ?? For.Metadata.Description);
        var kind = Kind();

        var attributes = new TagHelperAttributeList(output.Attributes);
        attributes.SetAttribute("class", Classes(kind, error is not null, attributes));
        if (FieldParts.DescribedBy(id, hint is not null, error is not null) is { } describedBy)
        {
            attributes.SetAttribute("aria-describedby", describedBy);
        }
        if (error is not null)
        {
            attributes.SetAttribute("aria-invalid", "true");
        }
        var control = await ControlAsync(kind, attributes);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();
        output.Attributes.SetAttribute("class", error is null ? "field" : "field field--error");

        var label = new TagBuilder("label") { Attributes = { ["for"] = id } };
        label.InnerHtml.Append(FieldParts.Label(For, Label, MarkOptional));
        if (kind == "checkbox")
        {
            // A single checkbox reads "[ ] label": the box comes first, the hint belongs to the label.
            label.AddCssClass("choice__label");
            var row = new TagBuilder("div");
            row.AddCssClass("choice");
            row.InnerHtml.AppendHtml(control).AppendHtml(label).AppendHtml(hint ?? (IHtmlContent)HtmlString.Empty);
            output.Content.AppendHtml(FieldParts.Error(id, error) ?? (IHtmlContent)HtmlString.Empty).AppendHtml(row);
            return;
        }
        label.AddCssClass("field__label");
        output.Content.AppendHtml(label)
            .AppendHtml(hint ?? (IHtmlContent)HtmlString.Empty)
            .AppendHtml(FieldParts.Error(id, error) ?? (IHtmlContent)HtmlString.Empty)
            .AppendHtml(control);
    }

    private string? Kind()
    {
        if (Type is not null)
        {
            return Type.ToLowerInvariant();
        }
        if (Items is not null)
        {
            return "select";
        }
        var type = Nullable.GetUnderlyingType(For.Metadata.ModelType) ?? For.Metadata.ModelType;
        return type == typeof(bool) ? "checkbox" : null;
    }

    private static string Classes(string? kind, bool hasError, TagHelperAttributeList attributes)
    {
        var css = kind switch
        {
            "checkbox" => "choice__input",
            "textarea" => "input input--textarea",
            "select" => "input input--select",
            "file" => "input input--file",
            _ => "input",
        };
        if (hasError && kind != "checkbox")
        {
            css += " input--error";
        }
        return attributes.TryGetAttribute("class", out var extra) ? css + " " + extra.Value : css;
    }

    private async Task<IHtmlContent> ControlAsync(string? kind, TagHelperAttributeList attributes)
    {
        switch (kind)
        {
            case "textarea":
                attributes.SetAttribute("rows", Rows);
                return await InnerTagHelper.RunAsync(new TextAreaTagHelper(generator) { For = For, ViewContext = ViewContext },
                    "textarea", attributes, TagMode.StartTagAndEndTag);
            case "select":
                var empty = EmptyOption is null ? null : $"<option value=\"\">{HtmlEncoder.Default.Encode(EmptyOption)}</option>";
                return await InnerTagHelper.RunAsync(
                    new SelectTagHelper(generator) { For = For, ViewContext = ViewContext, Items = Items ?? [] },
                    "select", attributes, TagMode.StartTagAndEndTag, empty);
            default:
                if (kind is not null && kind != "checkbox")
                {
                    attributes.SetAttribute("type", kind);
                }
                return await InnerTagHelper.RunAsync(
                    new InputTagHelper(generator) { For = For, ViewContext = ViewContext, InputTypeName = kind == "checkbox" ? null : kind },
                    "input", attributes, TagMode.SelfClosing);
        }
    }
}
