using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>One mail as maildev received it, with what the tests read from it: the app's idempotency key and links.</summary>
public sealed partial record Mail(IReadOnlyList<string> To, string Subject, string MessageId, string Key, string Text)
{
    /// <summary>The notification's key without the recipient the app appends (<c>{notification}|{RECIPIENT}</c>).</summary>
    public string Notification => Key.Split('|')[0];

    /// <summary>
    /// The motion a mail belongs to, from its notification: <c>confirm:{motionId}</c> for the confirmation request,
    /// <c>{instanceId}:{execution}:{task}:{kind}</c> (instance id = motion id) for every mail of the workflow.
    /// </summary>
    public string MotionId => Notification.StartsWith("confirm:", StringComparison.Ordinal) ? Notification["confirm:".Length..] : Notification.Split(':')[0];

    /// <summary>The token of the first link whose path starts with <paramref name="pathPrefix"/> (its last segment).</summary>
    public string? Token(string pathPrefix)
    {
        foreach (Match match in Link().Matches(Text))
        {
            var path = match.Groups["path"].Value;
            if (path.StartsWith(pathPrefix, StringComparison.Ordinal))
            {
                return path[(path.LastIndexOf('/') + 1)..];
            }
        }
        return null;
    }

    public static Mail Parse(JsonElement json)
    {
        var headers = json.GetProperty("headers");
        return new Mail(
            json.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()!.ToLowerInvariant()).ToList(),
            json.GetProperty("subject").GetString() ?? "",
            Header(headers, "message-id"),
            Header(headers, "x-ratsworkflow-idempotency-key"),
            json.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "");
    }

    private static string Header(JsonElement headers, string name) =>
        headers.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/[^\s""<>]*)")]
    private static partial Regex Link();
}
