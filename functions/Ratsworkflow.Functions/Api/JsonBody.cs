using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ratsworkflow.Functions.Api;

/// <summary>
/// Reads a JSON body by hand, so every way a body can be wrong (not JSON, wrong type, too large, wrong content type)
/// gets a German problem instead of the framework's English one.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 256 * 1024;

    public static JsonSerializerOptions Options { get; } = Create();

    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Problem(415, "Bitte senden Sie die Daten als JSON (Content-Type: application/json)."));
        }
        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblems.Problem(413, $"Die Anfrage ist zu groß (höchstens {MaxBytes / 1024} KB)."));
        }
        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (limited.Length + read > MaxBytes)
                {
                    return (null, ApiProblems.Problem(413, $"Die Anfrage ist zu groß (höchstens {MaxBytes / 1024} KB)."));
                }
                limited.Write(buffer, 0, read);
            }
            limited.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(limited, Options, cancellationToken);
            return value is null ? (null, ApiProblems.Problem(400, "Die Anfrage enthält keine Daten.")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            var detail = field is null ? "Die Anfrage enthält kein gültiges JSON." : $"Das Feld „{field}“ hat einen ungültigen Wert.";
            return (null, ApiProblems.Problem(400, detail, field is null ? null : new Dictionary<string, string[]> { [field] = [detail] }));
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { AllowTrailingCommas = false };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
