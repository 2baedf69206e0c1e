using System.Runtime;

namespace SalesCoach.Bench;

/// <summary>
/// How much this process's JIT compiled in a phase. The runtime re-compiles hot methods in the
/// background (tiered compilation with dynamic PGO), and a profile of a `durable` round after one
/// warm-up round still had a fifth of its CPU samples in the JIT: a phase that compiles much is not
/// yet the steady state a long-running silo reaches.
/// </summary>
internal readonly record struct JitActivity(long Methods, TimeSpan Time)
{
    /// <summary>What the JIT has done since the process started, on every thread.</summary>
    public static JitActivity Now() => new(JitInfo.GetCompiledMethodCount(currentThread: false), JitInfo.GetCompilationTime(currentThread: false));

    public static JitActivity operator -(JitActivity after, JitActivity before) => new(after.Methods - before.Methods, after.Time - before.Time);
}
