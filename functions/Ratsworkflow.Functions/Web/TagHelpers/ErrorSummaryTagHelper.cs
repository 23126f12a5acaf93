using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// The error summary at the top of a form (GOV.UK pattern): <c>&lt;rw-error-summary /&gt;</c> renders nothing while
/// the model state is valid, else a box that lists every error as a link to its field. The box takes the focus when
/// the page loads (<c>autofocus</c>, no JavaScript) and is announced (<c>role="alert"</c>).
/// Errors not tied to a field (<c>ModelState.AddModelError("", …)</c>) come first, without a link; the others follow
/// in the order the properties are declared, so declare a form's input properties in the order of its fields.
/// </summary>
[HtmlTargetElement("rw-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(IHtmlGenerator generator) : TagHelper
{
    public const string TitleId = "fehlerliste-titel";

    public string Title { get; set; } = "Bitte prüfen Sie Ihre Angaben";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid)
        {
            output.SuppressOutput();
            return;
        }

        var list = new TagBuilder("ul");
        list.AddCssClass("error-summary__list");
        var errors = modelState
            .SelectMany(entry => (entry.Value?.Errors ?? []).Select(error => (entry.Key, Error: error)))
            .OrderBy(e => FormOrder.Position(ViewContext.ViewData.ModelMetadata, e.Key), StringComparer.Ordinal);
        foreach (var (key, error) in errors)
        {
            list.InnerHtml.AppendHtml(Item(key, FieldParts.Message(error)));
        }

        var title = new TagBuilder("h2") { Attributes = { ["id"] = TitleId } };
        title.AddCssClass("error-summary__title");
        title.InnerHtml.Append(Title);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("aria-labelledby", TitleId);
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("autofocus", "autofocus");
        output.Content.AppendHtml(title).AppendHtml(list);
    }

    private TagBuilder Item(string key, string message)
    {
        var item = new TagBuilder("li");
        if (string.IsNullOrEmpty(key))
        {
            item.InnerHtml.Append(message);
            return item;
        }
        var link = new TagBuilder("a") { Attributes = { ["href"] = "#" + FieldParts.Id(key, generator) } };
        link.InnerHtml.Append(message);
        item.InnerHtml.AppendHtml(link);
        return item;
    }
}
