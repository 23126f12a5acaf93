using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// The pieces every form field shares: its HTML name and id, the ids of its hint and error (for
/// <c>aria-describedby</c>) and its first validation error. The error summary uses the same ids, so its links land
/// on the fields.
/// </summary>
internal static class FieldParts
{
    public const string GenericError = "Bitte prüfen Sie diese Angabe.";

    public static string FullName(ViewContext view, ModelExpression field) =>
        view.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    public static string Id(string fullName, IHtmlGenerator generator) =>
        TagBuilder.CreateSanitizedId(fullName, generator.IdAttributeDotReplacement);

    public static string HintId(string id) => id + "-hint";

    public static string ErrorId(string id) => id + "-error";

    /// <summary>One message per field, as GOV.UK does: the first one is the one to fix first.</summary>
    public static string? FirstError(ViewContext view, string fullName) =>
        view.ViewData.ModelState.TryGetValue(fullName, out var entry) && entry.Errors.Count > 0
            ? Message(entry.Errors[0])
            : null;

    public static string Message(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? GenericError : error.ErrorMessage;

    /// <summary>
    /// The label text: explicit, else [Display(Name)], else the property name; "(optional)" when not required, unless
    /// <paramref name="markOptional"/> is false (a filter form, where every field is optional).
    /// </summary>
    public static string Label(ModelExpression field, string? label, bool markOptional = true)
    {
        var text = label ?? field.Metadata.DisplayName ?? field.Metadata.PropertyName ?? field.Name;
        return field.Metadata.IsRequired || !markOptional ? text : text + " (optional)";
    }

    public static TagBuilder? Hint(string id, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var hint = new TagBuilder("p") { Attributes = { ["id"] = HintId(id) } };
        hint.AddCssClass("field__hint");
        hint.InnerHtml.Append(text);
        return hint;
    }

    public static TagBuilder? Error(string id, string? message)
    {
        if (message is null)
        {
            return null;
        }
        var error = new TagBuilder("p") { Attributes = { ["id"] = ErrorId(id) } };
        error.AddCssClass("field__error");
        // Screen readers hear "Fehler:" first; sighted users see the red bar and the text.
        error.InnerHtml.AppendHtml("<span class=\"visually-hidden\">Fehler: </span>");
        error.InnerHtml.Append(message);
        return error;
    }

    public static string? DescribedBy(string id, bool hasHint, bool hasError)
    {
        var ids = new List<string>(2);
        if (hasHint)
        {
            ids.Add(HintId(id));
        }
        if (hasError)
        {
            ids.Add(ErrorId(id));
        }
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}
