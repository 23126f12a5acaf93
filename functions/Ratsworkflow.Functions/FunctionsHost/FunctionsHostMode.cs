using System.Globalization;

namespace Ratsworkflow.Functions.FunctionsHost;

/// <summary>
/// Whether the server runs as the custom handler of an Azure Functions host. The host sets
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> for the process it starts; without it the server runs on its own (local mode).
/// </summary>
public static class FunctionsHostMode
{
    public const string PortKey = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[PortKey]);

    /// <summary>The loopback port the host sends every request to, or null in local mode.</summary>
    public static int? Port(IConfiguration configuration)
    {
        if (configuration[PortKey] is not { } value || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{PortKey} must be a TCP port, not '{value}'.");
    }
}
