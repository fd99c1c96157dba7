using Microsoft.Extensions.Options;

namespace AnatomyBot.Testing;

/// <summary>Options whose value a test changes, as a host does when its configuration reloads. Link this file into a
/// test project with <c>&lt;Compile Include="../Shared/TestOptionsMonitor.cs" Link="Shared/TestOptionsMonitor.cs" /&gt;</c>.</summary>
internal sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    private T _value = value;

    public T CurrentValue => _value;

    public T Get(string? name) => _value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;

    public void Set(T value) => _value = value;
}
