import FuzzCommun
import Foundation
import LivretBadges

/// The issuer's keys of the demo bundle (`Fuzz/emetteur-demo.json`, the `emetteur.json` of
/// `Fuzz/Semences/paquet/paquet-demo.zip`), so that the seed credentials verify all the way.
let cles: [JWK] = {
    let url = FuzzCommun.racine.appendingPathComponent("Fuzz/emetteur-demo.json")
    guard let donnees = try? Data(contentsOf: url),
          let emetteur = try? JSONDecoder().decode(PaquetApprenant.DocumentEmetteur.self, from: donnees) else {
        fatalError("Document émetteur illisible : \(url.path)")
    }
    return emetteur.cles.keys
}()

/// One credential file (`livret badge verifier x.jwt`, `x.svg` or `x.png`): SVG or PNG extraction, VC-JWT
/// splitting, header, signature, claims, dates.
@_cdecl("LLVMFuzzerTestOneInput")
public func testerUneEntree(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> CInt {
    let donnees = FuzzCommun.donnees(octets, taille)
    let rapport = VerificationPaquet.verifierFichier(donnees, cles: cles, listeLocale: nil, maintenant: FuzzCommun.maintenant)
    _ = rapport.lignes.map(\.detail)
    return 0
}
