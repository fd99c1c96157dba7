using System.Collections.Concurrent;
using AnatomyBot.AzureDevOps.Rest;
using AnatomyBot.AzureDevOps.Rest.Dtos;
using AnatomyBot.Core.Linkage;

namespace AnatomyBot.AzureDevOps.Reading;

/// <summary>Whether a work item's state ends its life, as its process says: a state in the <c>Completed</c> or
/// <c>Removed</c> category closes the item, whatever the state is called (a custom <c>Shipped</c> as well as
/// <c>Done</c>). Each type's states are read once per project (<c>GET …/wit/workitemtypes/{type}/states</c>) and kept,
/// for at most <see cref="MaxTypes"/> types; a type the project does not have, or a state its list does not name, keeps
/// what the item's mapping decided from the state's name. The sweep's listing asks the same lists which states to leave
/// out (<see cref="ClosedStatesAsync"/>).</summary>
public sealed class WorkItemStateCategories(AzureDevOpsClient client)
{
    /// <summary>Types whose states are kept at once; past it the cache starts again (processes have a few dozen).</summary>
    public const int MaxTypes = 256;

    private readonly ConcurrentDictionary<(string Project, string Type), IReadOnlyDictionary<string, string>?> _states = new();

    /// <summary>The item with <see cref="WorkItem.IsOpen"/> from its state's category.</summary>
    /// <param name="item">The mapped item.</param>
    /// <param name="source">The item as read (its type, project and state fields).</param>
    /// <param name="defaultProject">The project when the item does not name its own.</param>
    /// <param name="cancellationToken">Stops the read of the type's states.</param>
    public async Task<WorkItem> WithLifecycleAsync(WorkItem item, WorkItemDto source, string defaultProject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(source);
        var type = WorkItemFields.Text(source, "System.WorkItemType");
        var state = WorkItemFields.Text(source, "System.State");
        var project = WorkItemFields.Text(source, "System.TeamProject") ?? defaultProject;
        if (type is null || state is null)
        {
            return item;
        }

        return await IsClosedAsync(project, type, state, cancellationToken).ConfigureAwait(false) is { } closed
            ? item with { IsOpen = !closed }
            : item;
    }

    /// <summary>True when <paramref name="state"/> is in the <c>Completed</c> or <c>Removed</c> category of
    /// <paramref name="type"/>, false when it is in another, null when the type or the state is not known.</summary>
    public async Task<bool?> IsClosedAsync(string project, string type, string state, CancellationToken cancellationToken)
    {
        var categories = await CategoriesAsync(project, type, cancellationToken).ConfigureAwait(false);
        return categories is not null && categories.TryGetValue(state, out var category) ? Closes(category) : null;
    }

    /// <summary>The states of <paramref name="type"/> in its <c>Completed</c> or <c>Removed</c> category, in the
    /// process's order; null when the project has no such type.</summary>
    public async Task<IReadOnlyList<string>?> ClosedStatesAsync(string project, string type, CancellationToken cancellationToken)
    {
        var categories = await CategoriesAsync(project, type, cancellationToken).ConfigureAwait(false);
        return categories is null ? null : [.. categories.Where(c => Closes(c.Value)).Select(c => c.Key)];
    }

    private static bool Closes(string category) =>
        category.Equals("Completed", StringComparison.OrdinalIgnoreCase) || category.Equals("Removed", StringComparison.OrdinalIgnoreCase);

    private async Task<IReadOnlyDictionary<string, string>?> CategoriesAsync(string project, string type, CancellationToken cancellationToken)
    {
        var key = (project.ToUpperInvariant(), type.ToUpperInvariant());
        if (!_states.TryGetValue(key, out var categories))
        {
            var states = await client.GetWorkItemTypeStatesAsync(project, type, cancellationToken).ConfigureAwait(false);
            categories = states?.Where(s => s.Name is not null && s.Category is not null)
                .GroupBy(s => s.Name!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Category!, StringComparer.OrdinalIgnoreCase);
            if (_states.Count >= MaxTypes)
            {
                _states.Clear();
            }

            _states[key] = categories;
        }

        return categories;
    }
}
