/** The simulated deployment's origin: every request URL is absolute against it. */
export const LAB_ORIGIN = 'http://localhost:3000'
