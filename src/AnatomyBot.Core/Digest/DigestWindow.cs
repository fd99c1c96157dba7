namespace AnatomyBot.Core.Digest;

/// <summary>The week boundaries of the trend window as UTC ticks: <c>Bounds[i]</c> starts week <c>i</c>; the last bound
/// ends the reported week.</summary>
internal sealed class DigestWindow
{
    public DigestWindow(DigestRequest request)
    {
        var weeks = Math.Max(2, request.TrendWeeks);
        Weeks = new IsoWeek[weeks];
        Bounds = new long[weeks + 1];
        for (var i = 0; i <= weeks; i++)
        {
            var week = request.Week.AddWeeks(i - weeks + 1);
            if (i < weeks)
            {
                Weeks[i] = week;
            }

            Bounds[i] = week.StartIn(request.TimeZone).UtcTicks;
        }
    }

    public IsoWeek[] Weeks { get; }

    public long[] Bounds { get; }

    public long Start => Bounds[0];

    public long PreviousWeekStart => Bounds[^3];

    public long WeekStart => Bounds[^2];

    public long WeekEnd => Bounds[^1];

    /// <summary>Index of the week holding <paramref name="ticks"/>, or -1 outside the window.</summary>
    public int IndexOf(long ticks)
    {
        if (ticks < Bounds[0] || ticks >= Bounds[^1])
        {
            return -1;
        }

        var found = Array.BinarySearch(Bounds, ticks);
        return found >= 0 ? found : ~found - 1;
    }
}
