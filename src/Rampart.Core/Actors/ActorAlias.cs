namespace Rampart.Core.Actors;

/// <summary>One name of an actor and where that name comes from (a galaxy, a bundle, an analyst).</summary>
public sealed record ActorAlias(string Name, string Source);
