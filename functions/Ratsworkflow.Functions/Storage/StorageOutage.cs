using System.Net.Sockets;
using Azure;

namespace Ratsworkflow.Functions.Storage;

/// <summary>
/// Recognises "storage is not reachable right now" (Azurite stopped, the account's endpoint down, the network cut)
/// among the exceptions a request can end with, so the visitor gets a 503 with a Retry-After instead of a 500: the
/// request was fine, only the moment was wrong.
/// </summary>
public static class StorageOutage
{
    /// <summary>What the 503 asks clients to wait, in seconds: about the time storage needs to come back after a restart.</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>Tells the client when to come back; the API's problem and the pages' error page both carry it.</summary>
    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public const string Detail =
        "Der Speicher des Dienstes ist gerade nicht erreichbar. Ihre Anfrage wurde nicht bearbeitet; " +
        "bitte versuchen Sie es in einigen Sekunden erneut.";

    /// <summary>True when <paramref name="exception"/> or anything inside it says that storage did not answer.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Status 0: no HTTP answer at all; 5xx: the service itself failed (Azure's 503 "server busy" included).
                case RequestFailedException { Status: 0 or >= 500 }:
                case HttpRequestException { StatusCode: null }:
                case SocketException:
                    return true;
                // The SDK's retry gives up with every attempt's error in one AggregateException.
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsCause):
                    return true;
            }
        }
        return false;
    }
}
