using System.Net;
using System.Text.Json;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>
/// The answer a call finally got, and whether an earlier attempt of it failed without an answer (the process died, the
/// connection was refused or reset): then the command may have been applied already, and a 409 can mean "done before".
/// </summary>
public sealed record Answer(HttpStatusCode Status, JsonElement Json, bool Retried, string Text)
{
    public bool Accepted => Status is HttpStatusCode.OK or HttpStatusCode.Accepted;
}

/// <summary>A 503 the app gave while storage was down, as the client saw it.</summary>
public sealed record Unavailable(string Path, string? ContentType, string? Title, string? Detail, string? RetryAfter);
