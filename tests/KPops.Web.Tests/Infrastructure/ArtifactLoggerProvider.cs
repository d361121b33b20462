using System.Globalization;
using Microsoft.Extensions.Logging;

namespace KPops.Web.Tests.Infrastructure;

/// <summary>
/// Writes the in-process server's warnings and errors (e.g. an exception in an interactive component) to a file in
/// the artifacts directory, so a failed browser test can be read together with what the server said. The test
/// runner's own output stays clean.
/// </summary>
internal sealed class ArtifactLoggerProvider(string path) : ILoggerProvider
{
    private readonly Lock _lock = new();
    private StreamWriter? _writer;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_lock)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            if (_writer is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                _writer = new StreamWriter(path, append: true) { AutoFlush = true };
            }

            _writer.WriteLine(line);
        }
    }

    private sealed class FileLogger(ArtifactLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            string time = DateTimeOffset.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
            provider.Write($"{time} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
