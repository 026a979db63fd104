import Testing
@testable import LivretEspace
