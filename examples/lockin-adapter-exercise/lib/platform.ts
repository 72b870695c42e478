import 'server-only'

// The one module that should know where the app is deployed. Routes and lib/db.ts import
// from here, never from a platform SDK.
//
// TODO: export runAfterResponse(task), which makes the platform finish work after the
// response, and registerPool(pool), which calls attachDatabasePool only on Vercel.

export {}
