namespace AnatomyBot.AzureDevOps.Sweep;

/// <summary>The body of a synthetic reconcile delivery: <c>{"id":…,"eventType":…,"resource":{…}}</c>.</summary>
internal sealed record ReconcileBody(string Id, string EventType, ReconcileResource Resource);
