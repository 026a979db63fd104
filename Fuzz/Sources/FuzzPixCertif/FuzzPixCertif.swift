import FuzzCommun
import LivretCore

/// Pix Certif results (`livret pix importer`), against the shipped Pix référentiel.
@_cdecl("LLVMFuzzerTestOneInput")
public func testerUneEntree(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> CInt {
    let donnees = FuzzCommun.donnees(octets, taille)
    do {
        _ = try LecturePixCertif.lire(donnees, fichier: "f.csv", pix: FuzzCommun.pix)
    } catch {
        _ = "\(error)"
    }
    return 0
}
