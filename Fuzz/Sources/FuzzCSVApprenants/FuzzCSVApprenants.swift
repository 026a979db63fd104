import FuzzCommun
import LivretCore

/// Learner CSV (`livret apprenant importer`): decoding, RFC 4180 reader, columns, values.
@_cdecl("LLVMFuzzerTestOneInput")
public func testerUneEntree(_ octets: UnsafePointer<UInt8>?, _ taille: Int) -> CInt {
    let donnees = FuzzCommun.donnees(octets, taille)
    _ = try? ImportApprenantsCSV.lire(donnees, fichier: "f.csv", creeLe: FuzzCommun.jour, creePar: 1,
                                      anneeCourante: 2024, identifiantSuivant: { "A-\($0)" })
    return 0
}
