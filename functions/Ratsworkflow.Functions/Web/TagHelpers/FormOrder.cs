using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ratsworkflow.Functions.Web.TagHelpers;

/// <summary>
/// Sorts model-state keys into the order of the form. ModelState itself enumerates in an internal tree order (short
/// names first), which would list "E-Mail" before "Titel"; the declared order of the properties is the form's order.
/// </summary>
internal static class FormOrder
{
    private const string Unknown = "9999";

    /// <summary>A sortable position, e.g. "0002.0005" for <c>Input.Email</c>; model-level errors ("") sort first.</summary>
    public static string Position(ModelMetadata? metadata, string key)
    {
        if (key.Length == 0)
        {
            return "";
        }
        var parts = new List<string>();
        foreach (var segment in key.Split('.'))
        {
            var name = segment.Split('[')[0];
            var index = IndexOf(metadata, name);
            parts.Add(index < 0 ? Unknown : index.ToString("D4"));
            metadata = index < 0 ? null : metadata!.Properties[name];
            if (segment.Contains('[', StringComparison.Ordinal))
            {
                metadata = metadata?.ElementMetadata;
            }
        }
        return string.Join('.', parts);
    }

    private static int IndexOf(ModelMetadata? metadata, string propertyName)
    {
        var index = 0;
        foreach (var property in metadata?.Properties ?? Enumerable.Empty<ModelMetadata>())
        {
            if (property.PropertyName == propertyName)
            {
                return index;
            }
            index++;
        }
        return -1;
    }
}
