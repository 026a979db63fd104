// swift-tools-version:6.1
//
// Fuzz targets for Livret's readers (libFuzzer, coverage-guided). A separate package so that
// `swift build` / CI of the main package never builds them; run them with `scripts/fuzz`.
// Each target is an executable without `main`: libFuzzer provides it and calls
// `LLVMFuzzerTestOneInput` (see docs/DECISIONS.md, « Fuzzing »).

import Foundation
import PackageDescription

/// The main package is the folder above; SwiftPM names it after that folder (`main`, `livret`…).
let depot = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "LivretFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        // What every target shares: where the repository is, the Pix référentiel, a fixed date.
        .target(name: "FuzzCommun", dependencies: [.product(name: "LivretCore", package: depot)]),
        .executableTarget(name: "FuzzCSVApprenants", dependencies: ["FuzzCommun", .product(name: "LivretCore", package: depot)]),
        .executableTarget(name: "FuzzReferentiel", dependencies: ["FuzzCommun", .product(name: "LivretCore", package: depot)]),
        .executableTarget(name: "FuzzPixOrga", dependencies: ["FuzzCommun", .product(name: "LivretCore", package: depot)]),
        .executableTarget(name: "FuzzPixCertif", dependencies: ["FuzzCommun", .product(name: "LivretCore", package: depot)]),
        .executableTarget(name: "FuzzPaquet", dependencies: ["FuzzCommun", .product(name: "LivretBadges", package: depot)]),
        .executableTarget(name: "FuzzJWT", dependencies: ["FuzzCommun", .product(name: "LivretBadges", package: depot)]),
        .executableTarget(name: "FuzzGrammaire", dependencies: ["FuzzCommun", .product(name: "LivretCore", package: depot)]),
        .executableTarget(name: "FuzzTerminal", dependencies: ["FuzzCommun", .product(name: "LivretTerminal", package: depot)]),
    ]
)
