using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Durable;

/// <summary>How inputs, outputs and event payloads are stored: JSON, camelCase, enums as strings.</summary>
public static class DataConverter
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T Deserialize<T>(string? json) => (T)Deserialize(json, typeof(T))!;

    public static object? Deserialize(string? json, Type type)
    {
        if (json is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }
        return JsonSerializer.Deserialize(json, type, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
