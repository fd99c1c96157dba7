using System.Diagnostics.Metrics;

namespace AnatomyBot.Core.Tests.Support;

/// <summary>A meter factory per test: collectors scoped to it see only this test's measurements, however many tests run
/// in parallel on the same meter name.</summary>
internal sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
