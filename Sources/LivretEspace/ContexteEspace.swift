import Hummingbird
import NIOCore

/// The context of a request: Hummingbird's, plus the address it came from (wrong codes are
/// limited per address).
public struct ContexteEspace: RequestContext {
    /// Hummingbird's own part of the context.
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, « inconnue » when the channel has none (tests without a network).
    let adresse: String

    /// The context of a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        adresse = source.channel.remoteAddress?.ipAddress ?? "inconnue"
    }
}
