using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Ratsworkflow.Functions.Tests.Privacy;

/// <summary>
/// Records every log entry the app's filter rules let through, as a sink would store it: the formatted message, each
/// structured value, every scope (Application Insights keeps them as properties) and the exception with its text.
/// </summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendValues(StringBuilder text, object? state)
    {
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }
        }
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            AppendValues(text, state);
            owner._scopes.ForEachScope((scope, sb) =>
            {
                sb.Append(" scope: ").Append(scope);
                AppendValues(sb, scope);
            }, text);
            if (exception is not null)
            {
                text.Append(' ').Append(exception);
            }
            owner._entries.Enqueue(text.ToString());
        }
    }
}
