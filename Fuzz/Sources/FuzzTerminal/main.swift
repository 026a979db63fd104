import FuzzCommun
import Foundation
import LivretTerminal

/// Every text that reaches a terminal, on any bytes: what the command line prints
/// (``TexteVisible/lignes(_:)``, ``TexteVisible/cellule(_:)``) holds no control character but line
/// feed, tab and a carriage return just before a line feed (a cell not even those); what the terminal UI sends (a buffer written with the
/// text, then ``Differentiel``) holds no escape sequence but the UI's own: `ESC [` followed by
/// digits and « ; » and ending in m, H or J. Violations stop the process (a finding).
@_cdecl("LLVMFuzzerTestOneInput")
public func testerUneEntree(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> CInt {
    let texte = String(decoding: FuzzCommun.donnees(octets, taille), as: UTF8.self)
    // Line feed and tab pass, and a carriage return only just before a line feed (CSV line ends).
    let lignes = Array(TexteVisible.lignes(texte).unicodeScalars)
    for (i, s) in lignes.enumerated() where estControle(s) && s != "\n" && s != "\t" {
        guard s == "\r", i + 1 < lignes.count, lignes[i + 1] == "\n" else { fatalError("contrôle imprimé : \(texte.debugDescription)") }
    }
    guard !TexteVisible.cellule(texte).unicodeScalars.contains(where: estControle) else {
        fatalError("contrôle dans une case : \(texte.debugDescription)")
    }
    var tampon = Tampon(taille: Taille(largeur: 40, hauteur: 3))
    tampon.ecrire(texte, x: 0, y: 0)
    tampon.ecrire(texte, x: 5, y: 2, largeurMax: 20)
    let sortie = Differentiel.sequence(de: nil, vers: tampon, couleurs: true)
    var i = 0
    while i < sortie.count {
        let octet = sortie[i]
        if octet == 0x1B {
            // Only the UI's own CSI sequences: ESC [ params final.
            guard i + 1 < sortie.count, sortie[i + 1] == UInt8(ascii: "[") else { fatalError("Échap nu : \(texte.debugDescription)") }
            var j = i + 2
            while j < sortie.count, (0x30...0x3B).contains(sortie[j]) { j += 1 }
            guard j < sortie.count, [UInt8(ascii: "m"), UInt8(ascii: "H"), UInt8(ascii: "J")].contains(sortie[j]) else {
                fatalError("séquence étrangère : \(texte.debugDescription)")
            }
            i = j + 1
            continue
        }
        guard octet >= 0x20 && octet != 0x7F else { fatalError("octet de contrôle \(octet) envoyé : \(texte.debugDescription)") }
        if octet == 0xC2, i + 1 < sortie.count, (0x80...0x9F).contains(sortie[i + 1]) { fatalError("C1 envoyé : \(texte.debugDescription)") }
        i += 1
    }
    return 0
}

func estControle(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (0x7F...0x9F).contains(s.value) }
