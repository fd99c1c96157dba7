using AnatomyBot.Hosting.Digest;
using Microsoft.Azure.Functions.Worker;

namespace AnatomyBot.Functions.Functions;

/// <summary>Weekly (six-field CRON from the app setting <c>Digest:Schedule</c>, e.g. <c>0 0 7 * * Mon</c>): the governance
/// digest of the last complete week, published to every configured sink.</summary>
public sealed class WeeklyDigestFunction(WeeklyDigestJob job)
{
    [Function("WeeklyDigest")]
    public Task RunAsync([TimerTrigger("%Digest:Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(cancellationToken);
}
