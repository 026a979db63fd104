import FuzzCommun
import LivretCore

/// Référentiel JSON (`livret referentiel valider`): the JSON parser, then every document type.
@_cdecl("LLVMFuzzerTestOneInput")
public func testerUneEntree(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> CInt {
    let donnees = FuzzCommun.donnees(octets, taille)
    let (document, erreurs) = DocumentReferentiel.lire(fichier: "f.json", donnees: donnees)
    // The messages are what the user reads: build them too.
    for erreur in erreurs { _ = erreur.description }
    _ = document?.entete
    return 0
}
