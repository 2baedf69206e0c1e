using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SalesCoach.Pipelines;

namespace SalesCoach.Grains.Tests.Pipelines;

/// <summary>
/// A saved pipeline version never changes, so grain calls in a silo hand the pipeline grain's own
/// definition to every lead instead of a deep copy each (with 14,000 active leads the copies were
/// 1.7 million objects, over half the bot's heap).
/// </summary>
public sealed class PipelineDefinitionSharingTests
{
    private static readonly DeepCopier Copier = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<DeepCopier>();

    [Fact]
    public void ADefinitionCrossingAGrainCall_IsTheSameInstance()
    {
        var (definition, problems) = PipelineReader.ReadYaml("""
            id: b2b
            name: B2B
            criteria: {products: [crm]}
            stages:
              - id: qualify
                name: Qualify
                goal: {all: [{fieldSet: value}, {any: [{manual: true}, {taskCompleted: call}]}]}
                tasks:
                  - {id: call, title: Discovery call, dueAfter: P1D}
                lists: {subscribe: [nurture]}
            assignment:
              - when: {territory: EMEA}
                to: {reps: [ana, bo]}
                strategy: roundRobin
            """);
        Assert.Empty(problems);

        Assert.Same(definition, Copier.Copy(definition));
        Assert.Same(definition!.Stages[0], Copier.Copy(definition.Stages[0]));
        Assert.Same(definition.Stages[0].Goal, Copier.Copy(definition.Stages[0].Goal));
    }

    [Fact]
    public void EveryTypeInADefinition_IsMarkedImmutable()
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([typeof(PipelineDefinition)]);
        while (pending.TryPop(out var type))
        {
            if (type.Namespace != typeof(PipelineDefinition).Namespace || !seen.Add(type))
            {
                continue;
            }

            Assert.True(type.IsDefined(typeof(ImmutableAttribute), inherit: false), $"{type.Name} is part of a pipeline definition but not [Immutable]: Orleans would copy it");
            foreach (var property in type.GetProperties())
            {
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                pending.Push(propertyType);
                foreach (var argument in propertyType.GetGenericArguments())
                {
                    pending.Push(argument);
                }
            }
        }

        Assert.Contains(typeof(GoalDefinition), seen);
        Assert.Contains(typeof(TaskDefinition), seen);
    }
}
