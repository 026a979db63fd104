import Foundation

/// Runs asynchronous work (the network's PostgreSQL store) from a synchronous command and waits for it.
final class ResultatAttendu<T>: @unchecked Sendable {
    var valeur: Result<T, any Error>?
}

func attendre<T>(_ travail: @escaping @Sendable () async throws -> T) throws -> T {
    let fini = DispatchSemaphore(value: 0)
    let resultat = ResultatAttendu<T>()
    Task {
        do { resultat.valeur = .success(try await travail()) } catch { resultat.valeur = .failure(error) }
        fini.signal()
    }
    fini.wait()
    return try resultat.valeur!.get()
}
