using System.Globalization;
using System.Text.Json;

namespace Ratsworkflow.Functions.FunctionsHost;

/// <summary>
/// The body the Functions host POSTs to a custom handler for a non-HTTP trigger:
/// <c>{ "Data": { "&lt;binding&gt;": … }, "Metadata": { "DequeueCount": …, "Id": …, "sys": {…}, … } }</c>.
/// The host serializes every value that is not a JSON object with <c>JsonConvert.SerializeObject</c> before it
/// serializes the whole body, so a queue message arrives as a JSON string whose content is the JSON string of the
/// message text, and numbers and ids in Metadata arrive as strings (<c>"DequeueCount": "1"</c>). Reading is
/// therefore tolerant: a string that is itself a JSON string literal is decoded again.
/// </summary>
public sealed record TriggerInvocation(JsonElement Data, JsonElement Metadata)
{
    public static TriggerInvocation Parse(string body)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The invocation body is not a JSON object.");
        }
        var root = document.RootElement.Clone();
        return new TriggerInvocation(Property(root, "Data") ?? EmptyObject(), Property(root, "Metadata") ?? EmptyObject());
    }

    /// <summary>The queue message text under the binding name (or the only entry of <c>Data</c>).</summary>
    public string QueueMessage(string bindingName)
    {
        var value = Property(Data, bindingName)
            ?? (Data.ValueKind == JsonValueKind.Object && Data.EnumerateObject().Count() == 1 ? Data.EnumerateObject().Single().Value : (JsonElement?)null)
            ?? throw new JsonException($"The invocation has no Data.{bindingName}.");
        return value.ValueKind switch
        {
            JsonValueKind.String => Unquote(value.GetString()!),
            JsonValueKind.Object or JsonValueKind.Array => value.GetRawText(),
            _ => throw new JsonException($"Data.{bindingName} is a {value.ValueKind}, not a message."),
        };
    }

    /// <summary>Metadata.DequeueCount (1 on the first delivery), or null when the host did not send it.</summary>
    public long? DequeueCount => Property(Metadata, "DequeueCount") switch
    {
        { ValueKind: JsonValueKind.Number } number when number.TryGetInt64(out var count) => count,
        { ValueKind: JsonValueKind.String } text when long.TryParse(Unquote(text.GetString()!), NumberStyles.None, CultureInfo.InvariantCulture, out var count) => count,
        _ => null,
    };

    /// <summary>Metadata.Id, the queue message id, for logs.</summary>
    public string? MessageId => Property(Metadata, "Id") is { ValueKind: JsonValueKind.String } id ? Unquote(id.GetString()!) : null;

    /// <summary>Data.timer.IsPastDue of a timer trigger: the tick was missed (scaled to zero, deployment) and runs late.</summary>
    public bool IsPastDue(string bindingName) =>
        Property(Data, bindingName) is { } timer
        && (timer.ValueKind == JsonValueKind.String ? Reparse(timer.GetString()!) : timer) is { ValueKind: JsonValueKind.Object } parsed
        && Property(parsed, "IsPastDue") is { } pastDue
        && (pastDue.ValueKind == JsonValueKind.True
            || pastDue.ValueKind == JsonValueKind.String && bool.TryParse(Unquote(pastDue.GetString()!), out var flag) && flag);

    /// <summary>Decodes a string as long as it is itself a JSON string literal (<c>"\"…\""</c> → <c>"…"</c>).</summary>
    public static string Unquote(string text)
    {
        for (var depth = 0; depth < 4 && text.Length >= 2 && text[0] == '"' && text[^1] == '"'; depth++)
        {
            try
            {
                text = JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                break; // Starts and ends with a quote but is no JSON string: it is the text itself.
            }
        }
        return text;
    }

    private static JsonElement? Reparse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(Unquote(text));
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
