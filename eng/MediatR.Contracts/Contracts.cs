using System;

namespace MediatR
{
    /// <summary>Marker for every request, with or without a response.</summary>
    public interface IBaseRequest { }

    /// <summary>A request with no response.</summary>
    public interface IRequest : IBaseRequest { }

    /// <summary>A request with a response of type <typeparamref name="TResponse"/>.</summary>
    public interface IRequest<out TResponse> : IBaseRequest { }

    /// <summary>A request answered by a stream of <typeparamref name="TResponse"/>.</summary>
    public interface IStreamRequest<out TResponse> { }

    /// <summary>A message published to any number of handlers.</summary>
    public interface INotification { }

    /// <summary>The "void" response of a request with no result.</summary>
    public readonly struct Unit : IEquatable<Unit>, IComparable<Unit>, IComparable
    {
        private static readonly Unit _value = new Unit();

        // MediatR.dll calls this getter by reference; the signature must stay "ref readonly".
        public static ref readonly Unit Value => ref _value;

        public int CompareTo(Unit other) => 0;
        int IComparable.CompareTo(object obj) => 0;
        public override int GetHashCode() => 0;
        public bool Equals(Unit other) => true;
        public override bool Equals(object obj) => obj is Unit;
        public static bool operator ==(Unit first, Unit second) => true;
        public static bool operator !=(Unit first, Unit second) => false;
        public override string ToString() => "()";
    }
}
