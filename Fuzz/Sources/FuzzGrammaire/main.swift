import FuzzCommun
import Foundation
import LivretCore

/// The grammar of identifiers and codes (``RegleTexte``) and the text rules, on any bytes:
/// whatever is accepted as a code is a safe file name and holds no control character; a file
/// name made from any text follows the grammar and cannot leave its folder; every refusal is a
/// short message without control characters. Violations stop the process (a finding).
@_cdecl("LLVMFuzzerTestOneInput")
public func testerUneEntree(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> CInt {
    let texte = String(decoding: FuzzCommun.donnees(octets, taille), as: UTF8.self)
    if RegleTexte.estCode(texte) {
        guard RegleTexte.nomDeFichier(texte) == texte, !texte.contains("/"), !texte.contains("."),
              RegleTexte.probleme(texte, champ: "c", maximum: 40) == nil else { fatalError("code accepté mais dangereux : \(texte.debugDescription)") }
    } else {
        guard let message = RegleTexte.problemeCode(texte, champ: "l'identifiant"), sansControle(message), message.count < 300 else {
            fatalError("refus sans message sûr : \(texte.debugDescription)")
        }
    }
    let nom = RegleTexte.nomDeFichier(texte)
    guard RegleTexte.estCode(nom), URL(fileURLWithPath: "/d/" + nom).standardized.path.hasPrefix("/d/") else {
        fatalError("nom de fichier qui sort du dossier : \(texte.debugDescription) → \(nom)")
    }
    for plusieursLignes in [false, true] {
        if let message = RegleTexte.probleme(texte, champ: "le prénom", maximum: 80, plusieursLignes: plusieursLignes) {
            guard sansControle(message), message.count < 200 else { fatalError("message dangereux : \(message.debugDescription)") }
        } else {
            guard texte.unicodeScalars.allSatisfy({ !RegleTexte.estInterdit($0, plusieursLignes: plusieursLignes) }) else {
                fatalError("texte accepté avec un caractère interdit : \(texte.debugDescription)")
            }
        }
    }
    return 0
}

func sansControle(_ texte: String) -> Bool {
    !texte.unicodeScalars.contains { ($0.value < 0x20) || (0x7F...0x9F).contains($0.value) }
}
