using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NJsonSchema.Validation.FormatValidators;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.OParl;

/// <summary>A link the schemas declare between objects: to one object of a type, or to an external list of them.</summary>
public sealed record SchemaReference(string Url, string Schema, bool IsList, string Path);

/// <summary>
/// The official OParl 1.1 JSON schemas (CC BY-SA, read from <c>../shared/oparl/schema</c> beside the checkout, never
/// copied into it), applied with NJsonSchema plus what the OParl files add to JSON Schema: a property with
/// <c>"schema": "X.json"</c> embeds an object that must satisfy X (also inside arrays), and <c>"references"</c>
/// marks URLs of other objects or of external lists, which the caller follows. Formats are strict: <c>date-time</c>
/// needs an offset, <c>url</c> must be an absolute http(s) URL, <c>date</c> is yyyy-MM-dd.
/// </summary>
public sealed class OParlSchemas
{
    private readonly Dictionary<string, JsonSchema> _schemas;
    private readonly Dictionary<string, JObject> _raw;
    private readonly JsonSchemaValidatorSettings _settings = new();

    private OParlSchemas(Dictionary<string, JsonSchema> schemas, Dictionary<string, JObject> raw)
    {
        _schemas = schemas;
        _raw = raw;
        _settings.FormatValidators = _settings.FormatValidators
            .Where(v => v.Format is not ("date-time" or "date"))
            .Append(new StrictFormat("date-time", ValidationErrorKind.DateTimeExpected, IsDateTime))
            .Append(new StrictFormat("date", ValidationErrorKind.DateExpected, v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            .Append(new StrictFormat("url", ValidationErrorKind.UriExpected, v => Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .ToList();
    }

    public static string Folder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "oparl", "schema"));

    public static bool Available => File.Exists(Path.Combine(Folder, "Paper.json"));

    /// <summary>How many objects (top-level and embedded) have been validated.</summary>
    public int Validated { get; private set; }

    public static async Task<OParlSchemas> LoadAsync()
    {
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        var raw = new Dictionary<string, JObject>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder, "*.json"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            schemas[name] = await JsonSchema.FromFileAsync(file);
            raw[name] = JObject.Parse(await File.ReadAllTextAsync(file));
        }
        return new OParlSchemas(schemas, raw);
    }

    /// <summary>Parses JSON as it was sent: strings stay strings (no date guessing).</summary>
    public static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }

    /// <summary>Validates <paramref name="instance"/> and every object embedded in it; collects the references to follow.</summary>
    /// <returns>Every violation, each prefixed with its path.</returns>
    public IReadOnlyList<string> Validate(JToken instance, string schema, string path, ICollection<SchemaReference>? references = null)
    {
        var errors = new List<string>();
        Walk(instance, schema, path, errors, references ?? []);
        return errors;
    }

    private void Walk(JToken instance, string schema, string path, List<string> errors, ICollection<SchemaReference> references)
    {
        Validated++;
        errors.AddRange(_schemas[schema].Validate(instance, _settings).Select(e => $"{path} ({schema}): {e.Kind} at {e.Path}"));
        if (instance is not JObject value || _raw[schema]["properties"] is not JObject properties)
        {
            return;
        }
        foreach (var (name, definition) in properties)
        {
            if (value[name] is not { } property || definition is not JObject def)
            {
                continue;
            }
            var at = path + "." + name;
            var items = def["items"] as JObject;
            if (def.Value<string>("schema") is { } embedded && property is JObject)
            {
                Walk(property, SchemaName(embedded), at, errors, references);
            }
            if (property is JArray array && items?.Value<string>("schema") is { } itemSchema)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], SchemaName(itemSchema), $"{at}[{i}]", errors, references);
                }
            }
            var target = def.Value<string>("references") ?? items?.Value<string>("references");
            if (target is null)
            {
                continue;
            }
            if (target == "externalList")
            {
                if (property.Type == JTokenType.String)
                {
                    references.Add(new SchemaReference(property.Value<string>()!, SchemaName(items!.Value<string>("schema")!), IsList: true, at));
                }
                continue;
            }
            foreach (var url in property is JArray urls ? urls.Where(u => u.Type == JTokenType.String) : property.Type == JTokenType.String ? [property] : [])
            {
                references.Add(new SchemaReference(url.Value<string>()!, target, IsList: false, at));
            }
        }
    }

    private static string SchemaName(string file) => Path.GetFileNameWithoutExtension(file);

    /// <summary>RFC 3339: date, time and an explicit offset or Z.</summary>
    private static bool IsDateTime(string value) =>
        DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && (value.EndsWith('Z') || value.Length > 6 && value[^6] is '+' or '-');

    private sealed class StrictFormat(string format, ValidationErrorKind kind, Func<string, bool> valid) : IFormatValidator
    {
        public string Format => format;

        public ValidationErrorKind ValidationErrorKind => kind;

        public bool IsValid(string value, JTokenType tokenType) => valid(value);
    }
}

/// <summary>A fact that needs the OParl schemas; skipped, saying where they were looked for, when they are absent.</summary>
public sealed class OParlSchemaFactAttribute : FactAttribute
{
    public OParlSchemaFactAttribute()
    {
        if (!OParlSchemas.Available)
        {
            Skip = $"Die OParl-Schemas fehlen: erwartet in {OParlSchemas.Folder} (shared/ neben dem Checkout).";
        }
    }
}
