import FuzzCommun
import Foundation
import LivretBadges

/// Badge bundle (`livret badge verifier x.zip`): libzip through ZipLecture (names, sizes, bombs),
/// the manifest, then the whole verification (issuer document, JWTs, revocation list).
@_cdecl("LLVMFuzzerTestOneInput")
public func testerUneEntree(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> CInt {
    let donnees = FuzzCommun.donnees(octets, taille)
    do {
        let contenu = try Paquet.lire(donnees)
        let rapport = VerificationPaquet.verifier(contenu: contenu, clesDeConfiance: nil, maintenant: FuzzCommun.maintenant)
        _ = rapport.lignes.map(\.detail)
    } catch {
        _ = "\(error)"
    }
    return 0
}
